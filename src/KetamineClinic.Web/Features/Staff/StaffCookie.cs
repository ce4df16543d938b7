using KetamineClinic.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace KetamineClinic.Web.Features.Staff;

/// <summary>The staff sign-in cookie: how it is set, and what its events do.</summary>
public static class StaffCookie
{
    public const string ReturnUrlParameter = "returnUrl";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static void Configure(CookieAuthenticationOptions cookie, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        cookie.Cookie.Name = "__Host-staff";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.Path = "/";
        cookie.Cookie.SecurePolicy = SecurePolicy(environment);
        if (environment.IsDevelopment())
        {
            // The __Host- prefix demands Secure, which plain-HTTP development cannot offer.
            cookie.Cookie.Name = "staff";
        }

        cookie.ExpireTimeSpan = IdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = StaffRoutes.Login;
        cookie.LogoutPath = StaffRoutes.Logout;
        cookie.ReturnUrlParameter = ReturnUrlParameter;
        cookie.EventsType = typeof(StaffCookieEvents);
    }

    /// <summary>Secure outside Development, where plain HTTP cannot offer it; Identity's two-factor cookies follow it too.</summary>
    public static CookieSecurePolicy SecurePolicy(IWebHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>The staff page a form at this path is posted from: a request's page for its actions, else the list it belongs to.</summary>
    internal static string PageOfForm(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["staff", "requests", var id, ..] when int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) => StaffRoutes.Request(number),
            ["staff", "users", ..] => StaffRoutes.Users,
            _ => StaffRoutes.Requests,
        };
    }
}

/// <summary>Checks every request's session against the account, and answers for a session that is missing or not enough.</summary>
public sealed class StaffCookieEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        // Also refuses an account disabled outside StaffAccounts (which renews the stamp itself).
        // The validator has just loaded the user into this request's DbContext, so this costs no query.
        if (context.Principal?.Identity?.IsAuthenticated == true)
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<StaffUser>>();
            if (await users.GetUserAsync(context.Principal) is not { IsDisabled: false })
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            // A form sent after the session ended: after signing in, go back to the page the form was on
            // (its action only accepts POST), and say that the change was not saved.
            var login = context.RedirectUri.Split('?')[0];
            context.RedirectUri = $"{login}?{StaffCookie.ReturnUrlParameter}={Uri.EscapeDataString(StaffCookie.PageOfForm(context.Request.Path))}&expired=true";
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A plain 403 shows the friendly "not allowed" page through the status-code pages.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
