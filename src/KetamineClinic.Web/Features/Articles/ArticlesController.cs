using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Articles;

[OutputCache(PolicyName = ContentCachePolicy.Name)]
public sealed class ArticlesController(ArticleLibrary library, IOptions<ClinicOptions> clinic) : Controller
{
    [HttpGet("/articles")]
    public IActionResult Index([FromQuery] string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return View(new ArticleListViewModel(library.Articles, library.Tags, null));
        }

        var tagged = library.WithTag(tag);
        return tagged.Count == 0
            ? NotFound()
            : View(new ArticleListViewModel(tagged, library.Tags, tag.ToLowerInvariant()));
    }

    [HttpGet("/articles/{slug}")]
    public IActionResult Article(string slug)
    {
        var article = library.FindArticle(slug);
        if (article is null)
        {
            return NotFound();
        }

        // One address per article: other spellings of the slug move permanently to the canonical one.
        if (!string.Equals(slug, article.Slug, StringComparison.Ordinal))
        {
            return RedirectPermanent(article.Path);
        }

        var origin = SiteUrls.Origin(clinic.Value, Request);
        return View(new ArticleViewModel(article, library.RelatedTo(article), StructuredData.Article(article, clinic.Value, origin))
        {
            Author = clinic.Value.FindTeamMember(article.Author),
            Reviewer = clinic.Value.FindTeamMember(article.ReviewedBy),
        });
    }
}
