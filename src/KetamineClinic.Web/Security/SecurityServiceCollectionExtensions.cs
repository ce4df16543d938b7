using System.Threading.RateLimiting;
using KetamineClinic.Data;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// What every feature relies on to tell clients apart and keep them apart: which proxies' forwarded
    /// headers are trusted, the keyed hash of client addresses, the rate limiter (features add their own
    /// policies with <see cref="ClientRateLimit"/>) and the antiforgery cookie.
    /// </summary>
    public static IServiceCollection AddClinicSecurity(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateOnStart();
        services.AddSingleton<ClientAddressHasher>();

        services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);

        // The framework's default never marks the antiforgery cookie Secure. Mark it whenever the request
        // arrived over HTTPS (directly, or through a trusted proxy via UseForwardedHeaders); plain-HTTP
        // instances on 127.0.0.1 (development, system and load tests) keep working.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Behind a reverse proxy (docs/deployment.md): trust X-Forwarded-For/Proto from the proxies
        // listed in ForwardedHeaders:KnownProxies / KnownNetworks only.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default, so anyone reaching the app on 127.0.0.1 could name any client
            // address (and escape the rate limits, and change the audit log's address hash): only configured proxies count.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
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

            // With both lists empty the middleware checks no address at all and believes every sender: no proxy, no forwarding.
            if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
            }
        });
        return services;
    }

    private static IEnumerable<(string Key, string Value)> Entries(IConfiguration configuration, string section) =>
        configuration.GetSection(section).GetChildren()
            .Where(child => !string.IsNullOrWhiteSpace(child.Value))
            .Select(child => (child.Path, child.Value!.Trim()));
}

/// <summary>Rate limits that count per client address (after forwarded headers from known proxies are applied).</summary>
public static class ClientRateLimit
{
    /// <summary>Adds a policy that lets each client address make <c>permitLimit</c> requests per window, with no queue.</summary>
    public static IServiceCollection AddClientRateLimit(this IServiceCollection services, string policyName,
        Func<IServiceProvider, (int PermitLimit, TimeSpan Window)> limit) =>
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(policyName, context =>
        {
            var (permitLimit, window) = limit(context.RequestServices);
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 });
        }));
}
