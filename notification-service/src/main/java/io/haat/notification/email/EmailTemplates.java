package io.haat.notification.email;

import io.haat.notification.NotificationProperties;
import io.haat.notification.directory.Contact;
import io.haat.notification.feed.Notification;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification's email from its Thymeleaf templates: {@code templates/email/<type>.html} (on the shared
 * {@code layout.html}) and {@code templates/email/<type>.txt}. The templates see the notification ({@code n}), its
 * {@code data}, the recipient's {@code name}, the {@code marketplace} name, the absolute {@code link} and the
 * {@code preferencesLink}.
 */
@Component
public class EmailTemplates {

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final NotificationProperties properties;

    public EmailTemplates(NotificationProperties properties) {
        this.properties = properties;
    }

    public RenderedEmail render(Notification notification, Contact recipient) {
        Context context = new Context();
        context.setVariables(Map.of(
                "n", notification,
                "data", notification.data() == null ? Map.of() : notification.data(),
                "name", recipient.firstName(),
                "marketplace", properties.marketplaceName(),
                "link", properties.link(notification.link()),
                "homeLink", properties.link("/"),
                "preferencesLink", properties.link("/account/notifications")));
        String template = notification.type().template();
        String subject = notification.title() + " · " + properties.marketplaceName();
        return new RenderedEmail(subject, text.process(template, context).strip() + "\n",
                html.process(template, context));
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/email/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
