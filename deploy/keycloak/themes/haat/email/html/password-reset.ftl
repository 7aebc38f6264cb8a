<#import "layout.ftl" as layout>
<@layout.page title="Reset your password">
  <p style="margin:0 0 16px;">Someone asked to reset the password of your Haat account. Choose a new one here:</p>
  <@layout.button link=link label="Choose a new password"/>
  <p style="margin:0;font-size:13px;color:#555555;">The link works for ${linkExpirationFormatter(linkExpiration)}.
    If you did not ask for it, ignore this mail: your password stays as it is.</p>
</@layout.page>
