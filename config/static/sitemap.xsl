<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows /sitemap.xml to a person as a page of the site. Chromium's own XML viewer styles its
     tree inline, which the site's Content-Security-Policy forbids: without this the page is blank. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:s="http://www.sitemaps.org/schemas/sitemap/0.9">
  <xsl:output method="html" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/">
    <html lang="zh-Hans">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>站点地图 · 医院报道数据库</title>
        <link rel="stylesheet" href="{normalize-space(/processing-instruction('site-css'))}"/>
      </head>
      <body>
        <main id="main">
          <nav class="breadcrumbs" aria-label="位置"><a href="/">首页</a> › 站点地图</nav>
          <h1>站点地图</h1>
          <p class="meta">共 <xsl:value-of select="count(s:urlset/s:url)"/> 个网址，供搜索引擎抓取；日期为报道发布或编辑修改的日期。</p>
          <table class="sitemap">
            <thead><tr><th>网址</th><th>更新日期</th></tr></thead>
            <tbody>
              <xsl:for-each select="s:urlset/s:url">
                <tr>
                  <td><a href="{s:loc}"><xsl:value-of select="s:loc"/></a></td>
                  <td><xsl:value-of select="s:lastmod"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
