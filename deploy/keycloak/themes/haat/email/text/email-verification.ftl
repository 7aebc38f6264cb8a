<#ftl output_format="plainText">
Confirm your email

Hello<#if user?? && user.firstName?has_content> ${user.firstName}</#if>,

Welcome to Haat! Please confirm that this is your email address:

${link}

The link works for ${linkExpirationFormatter(linkExpiration)}.

--
Haat, the marketplace of independent stores.
