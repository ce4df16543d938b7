using KetamineClinic.Web.Features.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace KetamineClinic.Web.Features.Team;

public sealed class TeamController : Controller
{
    public const string Path = "/team";

    [HttpGet(Path)]
    [OutputCache(PolicyName = ContentCachePolicy.Name)]
    public IActionResult Index() => View();
}
