using Microsoft.AspNetCore.Mvc;

namespace KetamineClinic.Web.Features.Errors;

[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("/error")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Error()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error");
    }

    [Route("/error/{statusCode:int}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Status()
    {
        // Read from the route by hand: a re-executed POST whose form cannot be read would make model
        // binding skip every parameter and leave a status code of 0.
        var statusCode = int.TryParse(RouteData.Values["statusCode"]?.ToString(), out var code) && code is >= 400 and <= 599
            ? code
            : StatusCodes.Status500InternalServerError;
        Response.StatusCode = statusCode;
        return statusCode switch
        {
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests"),
            _ => View("Error"),
        };
    }
}
