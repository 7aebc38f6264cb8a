<#macro page title>
<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f4f1ec;font-family:Helvetica,Arial,sans-serif;color:#2b2b2b;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f1ec;padding:24px 0;">
  <tr><td align="center">
    <table role="presentation" width="560" cellpadding="0" cellspacing="0"
           style="max-width:560px;background:#ffffff;border-radius:8px;overflow:hidden;">
      <tr><td style="background:#b4532a;padding:20px 32px;color:#ffffff;font-size:24px;font-weight:bold;">Haat</td></tr>
      <tr><td style="padding:32px;">
        <h1 style="margin:0 0 16px;font-size:22px;">${title}</h1>
        <p style="margin:0 0 16px;">Hello<#if user?? && user.firstName?has_content> ${user.firstName}</#if>,</p>
        <#nested>
      </td></tr>
      <tr><td style="padding:16px 32px;background:#faf8f5;font-size:12px;color:#777777;">
        Haat, the marketplace of independent stores. You get this mail because someone used this address on Haat;
        if it was not you, ignore it: nothing changes without the link.
      </td></tr>
    </table>
  </td></tr>
</table>
</body>
</html>
</#macro>

<#macro button link label>
<p style="margin:24px 0;">
  <a href="${link}" style="display:inline-block;background:#b4532a;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;">${label}</a>
</p>
<p style="margin:0 0 16px;font-size:13px;color:#555555;">Or paste this link into your browser: ${link}</p>
</#macro>
