<#ftl output_format="plainText">
Reset your password

Hello<#if user?? && user.firstName?has_content> ${user.firstName}</#if>,

Someone asked to reset the password of your Haat account. Choose a new one here:

${link}

The link works for ${linkExpirationFormatter(linkExpiration)}. If you did not ask for it, ignore this mail: your password stays as it is.

--
Haat, the marketplace of independent stores.
