using KetamineClinic.Data;
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
            foreach (var (key, proxy) in Entries(configuration, "ForwardedHeaders:KnownProxies"))
            {
                options.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new ClinicConfigurationException($"{key} '{proxy}' is not an IP address."));
            }

            foreach (var (key, network) in Entries(configuration, "ForwardedHeaders:KnownNetworks"))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new ClinicConfigurationException($"{key} '{network}' is not a network in CIDR form, such as 10.0.0.0/8."));
            }
        });
        return services;
    }

    private static IEnumerable<(string Key, string Value)> Entries(IConfiguration configuration, string section) =>
        configuration.GetSection(section).GetChildren()
            .Where(child => !string.IsNullOrWhiteSpace(child.Value))
            .Select(child => (child.Path, child.Value!.Trim()));
}
