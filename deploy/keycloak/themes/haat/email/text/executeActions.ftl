<#ftl output_format="plainText">
<#assign actions = requiredActions![]>
<#if actions?seq_contains("VERIFY_EMAIL")>
Confirm your email

Hello<#if user?? && user.firstName?has_content> ${user.firstName}</#if>,

Welcome to Haat! Please confirm that this is your email address, so that we can send you your order updates and you can sign in:

${link}

The link works for ${linkExpirationFormatter(linkExpiration)}.
<#elseif actions?seq_contains("UPDATE_PASSWORD")>
Reset your password

Hello<#if user?? && user.firstName?has_content> ${user.firstName}</#if>,

Someone asked to reset the password of your Haat account, or several failed sign-ins have locked it for a few minutes. If that was not you, someone may be guessing your password: choose a new one here:

${link}

The link works for ${linkExpirationFormatter(linkExpiration)}. If you asked for it or simply mistyped, you may ignore this mail: your password stays as it is.
<#else>
Finish setting up your account

Hello<#if user?? && user.firstName?has_content> ${user.firstName}</#if>,

There are a few steps left to finish setting up your Haat account:

${link}

The link works for ${linkExpirationFormatter(linkExpiration)}.
</#if>

--
Haat, the marketplace of independent stores.
