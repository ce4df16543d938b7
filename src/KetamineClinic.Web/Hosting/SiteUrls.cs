using KetamineClinic.Web.Clinic;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KetamineClinic.Web.Hosting;

/// <summary>Absolute URLs for canonical links, feeds and the sitemap.</summary>
public static class SiteUrls
{
    /// <summary><c>Clinic:BaseUrl</c> when set (the public origin behind a proxy), else the request's own.</summary>
    public static string Origin(ClinicOptions clinic, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(request);
        return !string.IsNullOrWhiteSpace(clinic.BaseUrl)
            ? clinic.BaseUrl.TrimEnd('/')
            : $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
    }

    public static string Absolute(ClinicOptions clinic, HttpRequest request, string path) =>
        Origin(clinic, request) + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>
    /// The origin for links that leave the request, such as the staff email's link to a request: never
    /// the request's Host header, which a visitor controls and could point at a look-alike site.
    /// <c>Clinic:BaseUrl</c> when set, else the address the server listens on.
    /// </summary>
    public static string TrustedOrigin(ClinicOptions clinic, IServer server)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(server);
        if (!string.IsNullOrWhiteSpace(clinic.BaseUrl))
        {
            return clinic.BaseUrl.TrimEnd('/');
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return "http://localhost";
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
