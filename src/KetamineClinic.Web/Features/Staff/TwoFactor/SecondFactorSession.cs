using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Staff.TwoFactor;

/// <summary>
/// Whether a staff session passed a second factor, and the gate that sends a session which did not to set one up
/// (with <see cref="StaffOptions.RequireTwoFactor"/>) before any other staff page opens.
/// </summary>
public static class SecondFactorSession
{
    /// <summary>The claim Identity's own two-factor sign-in adds (RFC 8176 "amr": multiple-factor authentication).</summary>
    public static readonly Claim Claim = new("amr", "mfa");

    /// <summary>The only staff addresses a session without a second factor may open: the way to one, and the way out.</summary>
    private static readonly string[] _openWithoutSecondFactor =
        [StaffRoutes.Login, StaffRoutes.LoginCode, StaffRoutes.AuthenticatorSetup, StaffRoutes.Logout];

    public static bool PassedSecondFactor(this ClaimsPrincipal user) =>
        user.HasClaim(Claim.Type, Claim.Value);

    /// <summary>
    /// The security stamp check rebuilds the session's principal on every request and would drop the claim
    /// (Identity's own "we lost login authentication method"); this carries it over.
    /// </summary>
    public static Task KeepSecondFactorClaim(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.PassedSecondFactor() == true && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !context.NewPrincipal.PassedSecondFactor())
        {
            identity.AddClaim(new Claim(Claim.Type, Claim.Value));
        }

        return Task.CompletedTask;
    }

    public static IApplicationBuilder UseSecondFactorGate(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments(StaffRoutes.Home, StringComparison.OrdinalIgnoreCase)
                && context.User.Identity?.IsAuthenticated == true
                && !context.User.PassedSecondFactor()
                && !_openWithoutSecondFactor.Any(open => path.Equals(open, StringComparison.OrdinalIgnoreCase))
                && context.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value.RequireTwoFactor)
            {
                context.Response.Redirect(StaffRoutes.AuthenticatorSetup);
                return Task.CompletedTask;
            }

            return next(context);
        });
}
