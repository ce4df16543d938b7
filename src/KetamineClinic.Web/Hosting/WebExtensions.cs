using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Razor;

namespace KetamineClinic.Web.Hosting;

public static class WebExtensions
{
    public static IServiceCollection AddClinicWeb(this IServiceCollection services)
    {
        services.AddControllersWithViews();
        // The framework's default never marks the antiforgery cookie Secure. Mark it whenever the request
        // arrived over HTTPS (directly, or through a trusted proxy via UseForwardedHeaders); plain-HTTP
        // instances on 127.0.0.1 (development, system and load tests) keep working.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<RazorViewEngineOptions>(options =>
            options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
        services.Configure<RouteOptions>(options =>
        {
            options.LowercaseUrls = true;
            options.AppendTrailingSlash = false;
        });

        // Behind a reverse proxy (docs/deployment.md): trust X-Forwarded-For/Proto from the proxies
        // listed in ForwardedHeaders:KnownProxies / KnownNetworks only.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
