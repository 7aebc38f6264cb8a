<#import "layout.ftl" as layout>
<#assign actions = requiredActions![]>
<#assign verify = actions?seq_contains("VERIFY_EMAIL")>
<#assign reset = actions?seq_contains("UPDATE_PASSWORD")>
<#if verify>
<@layout.page title="Confirm your email">
  <p style="margin:0 0 16px;">Welcome to Haat! Please confirm that this is your email address, so that we can send you
    your order updates and you can sign in.</p>
  <@layout.button link=link label="Confirm your email"/>
  <p style="margin:0;font-size:13px;color:#555555;">The link works for ${linkExpirationFormatter(linkExpiration)}.</p>
</@layout.page>
<#elseif reset>
<@layout.page title="Reset your password">
  <p style="margin:0 0 16px;">Someone asked to reset the password of your Haat account, or several failed sign-ins
    have locked it for a few minutes. If that was not you, someone may be guessing your password: choose a new one
    here:</p>
  <@layout.button link=link label="Choose a new password"/>
  <p style="margin:0;font-size:13px;color:#555555;">The link works for ${linkExpirationFormatter(linkExpiration)}.
    If you asked for it or simply mistyped, you may ignore this mail: your password stays as it is.</p>
</@layout.page>
<#else>
<@layout.page title="Finish setting up your account">
  <p style="margin:0 0 16px;">There are a few steps left to finish setting up your Haat account.</p>
  <@layout.button link=link label="Continue"/>
  <p style="margin:0;font-size:13px;color:#555555;">The link works for ${linkExpirationFormatter(linkExpiration)}.</p>
</@layout.page>
</#if>
