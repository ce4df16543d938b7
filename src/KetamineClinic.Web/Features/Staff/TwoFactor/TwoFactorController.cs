using KetamineClinic.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using IdentitySignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace KetamineClinic.Web.Features.Staff.TwoFactor;

/// <summary>The second step of signing in, setting up an authenticator app, and a member's recovery codes.</summary>
[Authorize]
[AutoValidateAntiforgeryToken]
public sealed class TwoFactorController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuthenticatorKey authenticator, AuditTrail audit) : Controller
{
    public const string WrongCodeMessage = "That code is not right, or it has been used already. Enter the code your app shows now, or an unused recovery code.";
    public const string WrongSetupCodeMessage = "That code is not right. Enter the 6-digit code the app shows now.";
    public const int RecoveryCodeCount = 10;

    [AllowAnonymous]
    [HttpGet(StaffRoutes.LoginCode)]
    public async Task<IActionResult> Code(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? LocalRedirect(StaffRoutes.Login)
            : View(new SignInCodeForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost(StaffRoutes.LoginCode)]
    [EnableRateLimiting(StaffAreaExtensions.LoginRateLimitPolicy)]
    public async Task<IActionResult> Code(SignInCodeForm form, CancellationToken cancellationToken)
    {
        // Past the password, within the few minutes Identity's two-factor cookie lasts; else start again.
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LocalRedirect(StaffRoutes.Login);
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var code = AuthenticatorCode.Normalize(form.Code);
        var isAuthenticatorCode = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = isAuthenticatorCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await RecoveryCodeSignInAsync(user, RecoveryCode(code));
        var anonymous = new AuditActor(null, null);
        if (!result.Succeeded)
        {
            var reason = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : isAuthenticatorCode ? "wrong code" : "wrong recovery code";
            await audit.WriteAsync(AuditActions.SignInFailed, AuditTrail.UserSubject(user.Id), reason, cancellationToken, anonymous);
            ModelState.AddModelError(nameof(form.Code), WrongCodeMessage);
            form.Code = null;
            return View(form);
        }

        await audit.WriteAsync(AuditActions.SignInSucceeded, AuditTrail.UserSubject(user.Id), isAuthenticatorCode ? "authenticator code" : "recovery code",
            cancellationToken, new AuditActor(user.Id, user.DisplayName));
        return LocalRedirect(StaffReturnUrl.Or(Url, form.ReturnUrl, StaffRoutes.Requests));
    }

    [HttpGet(StaffRoutes.AuthenticatorSetup)]
    public async Task<IActionResult> Setup()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return LocalRedirect(StaffRoutes.Account);
        }

        return View(authenticator.Page(user, await authenticator.GetOrCreateAsync(user), new AuthenticatorSetupForm()));
    }

    [HttpPost(StaffRoutes.AuthenticatorSetup)]
    public async Task<IActionResult> Setup(AuthenticatorSetupForm form, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return LocalRedirect(StaffRoutes.Account);
        }

        var key = await authenticator.GetOrCreateAsync(user);
        if (!ModelState.IsValid)
        {
            return View(authenticator.Page(user, key, form));
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Normalize(form.Code)))
        {
            ModelState.AddModelError(nameof(form.Code), WrongSetupCodeMessage);
            form.Code = null;
            return View(authenticator.Page(user, key, form));
        }

        // Renews the security stamp, which ends every other session of this member.
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.WriteAsync(AuditActions.TwoFactorEnabled, AuditTrail.UserSubject(user.Id), "authenticator app", cancellationToken);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [SecondFactorSession.Claim]);
        return View("RecoveryCodes", new RecoveryCodesPage([.. codes ?? []]));
    }

    [HttpGet(StaffRoutes.Account)]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return View(new AccountSecurityPage(user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 }, await users.CountRecoveryCodesAsync(user)));
    }

    [HttpPost(StaffRoutes.RecoveryCodes)]
    public async Task<IActionResult> RenewRecoveryCodes(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return LocalRedirect(StaffRoutes.AuthenticatorSetup);
        }

        // Replaces the stored set: every earlier code stops working.
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.WriteAsync(AuditActions.RecoveryCodesRenewed, AuditTrail.UserSubject(user.Id), null, cancellationToken);
        return View("RecoveryCodes", new RecoveryCodesPage([.. codes ?? []]));
    }

    /// <summary>
    /// Identity's recovery-code sign-in neither refuses a locked-out or disabled account nor counts a wrong code, as
    /// its authenticator-code sign-in does; without this, recovery codes could be guessed without end.
    /// </summary>
    private async Task<IdentitySignInResult> RecoveryCodeSignInAsync(StaffUser user, string code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return IdentitySignInResult.LockedOut;
        }

        if (!await signIn.CanSignInAsync(user))
        {
            return IdentitySignInResult.NotAllowed;
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (!result.Succeeded)
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                return IdentitySignInResult.LockedOut;
            }
        }

        return result;
    }

    /// <summary>Identity's recovery codes read "XXXXX-XXXXX" in capitals; a member may type them any way.</summary>
    private static string RecoveryCode(string normalized)
    {
        var upper = normalized.ToUpperInvariant();
        return upper.Length == 10 ? $"{upper[..5]}-{upper[5..]}" : upper;
    }
}
