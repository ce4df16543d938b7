using KetamineClinic.Web.Clinic;
using KetamineClinic.Web.Features.Articles;
using KetamineClinic.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Home;

public sealed class HomeController(ArticleLibrary library, IOptions<ClinicOptions> clinic) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = ContentCachePolicy.Name)]
    public IActionResult Index()
    {
        var origin = SiteUrls.Origin(clinic.Value, Request);
        return View(new HomeViewModel([.. library.Articles.Take(3)], JsonLd.Clinic(clinic.Value, origin)));
    }
}
