using KetamineClinic.Web.Clinic;

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
}
