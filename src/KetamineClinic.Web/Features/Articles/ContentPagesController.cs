using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace KetamineClinic.Web.Features.Articles;

/// <summary>The FAQ and the stand-alone pages written in <c>content/pages/</c>.</summary>
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public sealed class ContentPagesController(ArticleLibrary library) : Controller
{
    public static readonly string[] PageSlugs = ["treatment", "privacy", "accessibility"];

    [HttpGet("/faq")]
    public IActionResult Faq() =>
        library.Faq is { } faq ? View(new ContentPageViewModel(faq, StructuredData.Faq(faq))) : NotFound();

    [HttpGet("/treatment")]
    public IActionResult Treatment() => Page("treatment");

    [HttpGet("/privacy")]
    public IActionResult Privacy() => Page("privacy");

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => Page("accessibility");

    private IActionResult Page(string slug) =>
        library.FindPage(slug) is { } page ? View("ContentPage", new ContentPageViewModel(page, null)) : NotFound();
}
