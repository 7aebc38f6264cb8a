package io.haat.order.fulfilment;

import io.haat.order.order.Order;
import io.haat.order.order.OrderItem;
import io.haat.order.order.SellerOrder;
import io.haat.order.pricing.DeliveryAddress;
import io.haat.order.store.StoreInfo;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.Barcode128;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * A seller order's packing slip (A4 PDF, OpenPDF): the store, the order number and seller order id (also as a Code 128
 * barcode, scannable at pick-up), the ship-to address and every line with its quantity. No prices: the slip travels
 * in the parcel.
 */
@Component
public class PackingSlips {

    public byte[] render(Order order, SellerOrder part, StoreInfo store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("Packing slip " + part.id());
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);

        document.add(new Paragraph("Packing slip", title));
        document.add(new Paragraph(store.name(), heading));
        document.add(new Paragraph("Order number: " + order.id(), body));
        document.add(new Paragraph("Seller order: " + part.id(), body));
        document.add(new Paragraph("Order date: " + LocalDate.ofInstant(order.placedAt(), ZoneOffset.UTC), body));
        document.add(new Paragraph("Shipping: " + part.shippingMethod().name(), body));

        Barcode128 barcode = new Barcode128();
        barcode.setCode(part.id().toString());
        barcode.setAltText("");
        Image image = barcode.createImageWithBarcode(writer.getDirectContent(), null, null);
        image.scalePercent(110);
        image.setSpacingBefore(8);
        document.add(image);

        document.add(new Paragraph(" ", body));
        document.add(new Paragraph("Ship to", heading));
        for (String line : addressLines(order.address())) {
            document.add(new Paragraph(line, body));
        }

        document.add(new Paragraph(" ", body));
        PdfPTable table = new PdfPTable(new float[] {3, 6, 1.2f});
        table.setWidthPercentage(100);
        for (String column : List.of("SKU", "Item", "Qty")) {
            table.addCell(new PdfPCell(new Phrase(column, heading)));
        }
        int units = 0;
        for (OrderItem item : part.items()) {
            table.addCell(new PdfPCell(new Phrase(item.sku(), body)));
            table.addCell(new PdfPCell(new Phrase(item.name(), body)));
            PdfPCell quantity = new PdfPCell(new Phrase(String.valueOf(item.quantity()), body));
            quantity.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(quantity);
            units += item.quantity();
        }
        document.add(table);
        document.add(new Paragraph("Units: " + units, heading));
        document.close();
        return out.toByteArray();
    }

    private static List<String> addressLines(DeliveryAddress address) {
        List<String> lines = new ArrayList<>();
        lines.add(address.fullName());
        lines.add(address.line1());
        if (address.line2() != null && !address.line2().isBlank()) {
            lines.add(address.line2());
        }
        StringBuilder city = new StringBuilder(address.city());
        if (address.province() != null && !address.province().isBlank()) {
            city.append(", ").append(address.province());
        }
        if (address.postalCode() != null && !address.postalCode().isBlank()) {
            city.append(' ').append(address.postalCode());
        }
        lines.add(city.toString());
        lines.add(address.country());
        if (address.phone() != null && !address.phone().isBlank()) {
            lines.add("Phone: " + address.phone());
        }
        return lines;
    }
}
