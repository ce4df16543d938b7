using Microsoft.AspNetCore.Mvc;

namespace KetamineClinic.Web.Features.Staff;

/// <summary>Where to go after signing in: the staff page asked for, if it is one, else a default.</summary>
public static class StaffReturnUrl
{
    public static string Or(IUrlHelper url, string? returnUrl, string fallback)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(StaffRoutes.Home, StringComparison.OrdinalIgnoreCase) ? returnUrl : fallback;
    }
}
