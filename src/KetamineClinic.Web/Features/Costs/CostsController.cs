using KetamineClinic.Web.Features.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace KetamineClinic.Web.Features.Costs;

public sealed class CostsController : Controller
{
    public const string Path = "/costs";

    [HttpGet(Path)]
    [OutputCache(PolicyName = ContentCachePolicy.Name)]
    public IActionResult Index() => View();
}
