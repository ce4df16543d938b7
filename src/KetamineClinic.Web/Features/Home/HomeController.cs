using Microsoft.AspNetCore.Mvc;

namespace KetamineClinic.Web.Features.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
