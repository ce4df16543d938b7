namespace KetamineClinic.Web.Hosting;

public static class HeadRequests
{
    /// <summary>
    /// Answers <c>HEAD</c> for every page as <c>GET</c> would, headers only. MVC's <c>[HttpGet]</c> does not
    /// match HEAD, so uptime monitors and link checkers got 405 for pages that exist. Kestrel sends no body
    /// for a HEAD request whatever the page writes; the method is restored for the request log.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            context.Request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                context.Request.Method = HttpMethods.Head;
            }
        });
}
