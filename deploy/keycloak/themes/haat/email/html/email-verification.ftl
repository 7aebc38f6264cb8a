<#import "layout.ftl" as layout>
<@layout.page title="Confirm your email">
  <p style="margin:0 0 16px;">Welcome to Haat! Please confirm that this is your email address.</p>
  <@layout.button link=link label="Confirm your email"/>
  <p style="margin:0;font-size:13px;color:#555555;">The link works for ${linkExpirationFormatter(linkExpiration)}.</p>
</@layout.page>
