using System.Globalization;
using System.Text;
using System.Xml;
using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Articles;

/// <summary>What search engines and feed readers fetch: the sitemap, robots.txt and the Atom feed.</summary>
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public sealed class DiscoveryController(ArticleLibrary library, IOptions<ClinicOptions> clinic) : Controller
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    [HttpGet("/sitemap.xml")]
    public IActionResult Sitemap()
    {
        var origin = SiteUrls.Origin(clinic.Value, Request);
        var latestArticle = library.Articles.Select(a => a.LastModified).Max();
        var entries = new List<(string Path, DateOnly? LastModified)> { ("/", latestArticle), ("/articles", latestArticle) };
        entries.AddRange(library.Articles.Select(a => (a.Path, a.LastModified)));
        if (library.Faq is { } faq)
        {
            entries.Add((faq.Path, faq.LastModified));
        }

        entries.AddRange(library.Pages
            .Where(p => ContentPagesController.PageSlugs.Contains(p.Slug, StringComparer.Ordinal))
            .Select(p => (p.Path, p.LastModified)));

        // Pages rendered by other features, whose content has no file date.
        entries.Add(("/consultation", null));
        entries.Add(("/self-check", null));
        entries.Add((Costs.CostsController.Path, null));
        entries.Add((Team.TeamController.Path, null));

        return Xml("application/xml", writer =>
        {
            writer.WriteStartElement("urlset", SitemapNamespace);
            foreach (var (path, lastModified) in entries)
            {
                writer.WriteStartElement("url", SitemapNamespace);
                writer.WriteElementString("loc", SitemapNamespace, origin + path);
                if (lastModified is { } date)
                {
                    writer.WriteElementString("lastmod", SitemapNamespace, StructuredData.Iso(date));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    [HttpGet("/feed.xml")]
    public IActionResult Feed()
    {
        var origin = SiteUrls.Origin(clinic.Value, Request);
        var articles = library.Articles.OrderByDescending(a => a.Published ?? DateOnly.MinValue).ToList();
        var updated = articles.Select(a => a.LastModified).Max() ?? DateOnly.MinValue;

        return Xml("application/atom+xml", writer =>
        {
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteAttributeString("xml", "lang", null, "en-US");
            // Relative links inside article HTML resolve against the site.
            writer.WriteAttributeString("xml", "base", null, origin + "/");
            writer.WriteElementString("id", AtomNamespace, origin + "/articles");
            writer.WriteElementString("title", AtomNamespace, $"{clinic.Value.Name}: articles");
            writer.WriteElementString("subtitle", AtomNamespace, clinic.Value.Tagline);
            writer.WriteElementString("updated", AtomNamespace, AtomDate(updated));
            WriteLink(writer, "self", origin + "/feed.xml", "application/atom+xml");
            WriteLink(writer, "alternate", origin + "/articles", "text/html");
            writer.WriteStartElement("author", AtomNamespace);
            writer.WriteElementString("name", AtomNamespace, clinic.Value.Name);
            writer.WriteEndElement();

            foreach (var article in articles)
            {
                writer.WriteStartElement("entry", AtomNamespace);
                writer.WriteElementString("id", AtomNamespace, origin + article.Path);
                writer.WriteElementString("title", AtomNamespace, article.Title);
                WriteLink(writer, "alternate", origin + article.Path, "text/html");
                if (article.Published is { } published)
                {
                    writer.WriteElementString("published", AtomNamespace, AtomDate(published));
                }

                writer.WriteElementString("updated", AtomNamespace, AtomDate(article.LastModified ?? updated));
                if (clinic.Value.FindTeamMember(article.Author) is { } author)
                {
                    writer.WriteStartElement("author", AtomNamespace);
                    writer.WriteElementString("name", AtomNamespace, author.NameWithCredentials);
                    writer.WriteEndElement();
                }

                foreach (var tag in article.Tags)
                {
                    writer.WriteStartElement("category", AtomNamespace);
                    writer.WriteAttributeString("term", tag);
                    writer.WriteEndElement();
                }

                writer.WriteStartElement("summary", AtomNamespace);
                writer.WriteAttributeString("type", "text");
                writer.WriteString(article.Description);
                writer.WriteEndElement();
                writer.WriteStartElement("content", AtomNamespace);
                writer.WriteAttributeString("type", "html");
                writer.WriteString(article.Html);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    [HttpGet("/robots.txt")]
    public IActionResult Robots()
    {
        var origin = SiteUrls.Origin(clinic.Value, Request);
        var text = new StringBuilder()
            .Append("User-agent: *\n")
            .Append("Disallow: /staff\n")
            .Append(CultureInfo.InvariantCulture, $"Sitemap: {origin}/sitemap.xml\n")
            .ToString();
        return Content(text, "text/plain; charset=utf-8");
    }

    private static void WriteLink(XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string AtomDate(DateOnly date) =>
        date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private FileContentResult Xml(string contentType, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return File(buffer.ToArray(), contentType + "; charset=utf-8");
    }
}
