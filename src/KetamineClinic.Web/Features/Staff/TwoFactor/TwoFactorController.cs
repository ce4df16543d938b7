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
    public const string PasskeyNotMadeMessage = "No passkey was made: the browser or device did not finish, or it was cancelled. Try again, or keep using your authenticator app.";
    public const string PasskeyTooSlowMessage = "That took too long, so the passkey was not added. Try again.";
    public const string PasskeyRefusedMessage = "That passkey could not be checked, so it was not added. Try again, or use another device or password manager.";

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

        return View(await AccountPageAsync(user, new AddPasskeyForm()));
    }

    /// <summary>The WebAuthn options passkeys.js hands to <c>navigator.credentials.create()</c>; 422 when the name needs fixing first.</summary>
    [HttpPost(StaffRoutes.PasskeyCreationOptions)]
    public async Task<IActionResult> PasskeyCreationOptions(AddPasskeyForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return UnprocessableEntity();
        }

        var email = user.Email ?? user.UserName ?? user.Id;
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = email, DisplayName = user.DisplayName ?? email });
        return Content(options, "application/json");
    }

    [HttpPost(StaffRoutes.Passkeys)]
    public async Task<IActionResult> AddPasskey(AddPasskeyForm form, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var failure = await AddPasskeyAsync(user, form);
            if (failure is null)
            {
                await audit.WriteAsync(AuditActions.PasskeyAdded, AuditTrail.UserSubject(user.Id), null, cancellationToken);
                TempData["Message"] = $"Passkey “{form.Name!.Trim()}” added. You can now sign in with it instead of your password and code.";
                return LocalRedirect(StaffRoutes.Account);
            }

            ModelState.AddModelError(nameof(AddPasskeyForm.Name), failure);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await AccountPageAsync(user, form));
    }

    [HttpPost(StaffRoutes.PasskeyRemove)]
    public async Task<IActionResult> RemovePasskey(string? id, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var passkey = (await users.GetPasskeysAsync(user)).FirstOrDefault(p => PasskeyRow.From(p).Id == id);
        if (passkey is null)
        {
            TempData["Message"] = "That passkey was not found: it may have been removed already.";
            return LocalRedirect(StaffRoutes.Account);
        }

        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await audit.WriteAsync(AuditActions.PasskeyRemoved, AuditTrail.UserSubject(user.Id), null, cancellationToken);
        TempData["Message"] = $"Passkey “{passkey.Name}” removed. Remove it from the device or password manager that keeps it too.";
        return LocalRedirect(StaffRoutes.Account);
    }

    /// <summary>Checks what the authenticator made against the ceremony this session started; null when the passkey is stored.</summary>
    private async Task<string?> AddPasskeyAsync(StaffUser user, AddPasskeyForm form)
    {
        if (string.IsNullOrEmpty(form.CredentialJson))
        {
            return PasskeyNotMadeMessage;
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(form.CredentialJson);
        }
        catch (InvalidOperationException)
        {
            // No ceremony underway: its state lives in Identity's five-minute two-factor cookie.
            return PasskeyTooSlowMessage;
        }

        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id)
        {
            return PasskeyRefusedMessage;
        }

        attestation.Passkey.Name = form.Name!.Trim();
        var stored = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
        return stored.Succeeded ? null : PasskeyRefusedMessage;
    }

    private async Task<AccountSecurityPage> AccountPageAsync(StaffUser user, AddPasskeyForm form) =>
        new(user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 },
            await users.CountRecoveryCodesAsync(user),
            [.. (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt).Select(PasskeyRow.From)],
            form);

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
