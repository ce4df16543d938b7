using KetamineClinic.Data;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Web.Features.Staff.Users;

public enum AccountOutcome
{
    Done,
    InvalidInput,
    AlreadyExists,
    NotFound,
}

public sealed record AccountResult(AccountOutcome Outcome, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Outcome == AccountOutcome.Done;

    public static AccountResult Done { get; } = new(AccountOutcome.Done, []);

    public static AccountResult Fail(AccountOutcome outcome, params string[] errors) => new(outcome, errors);
}

public sealed record StaffAccount(string Id, string Email, string? DisplayName, string Role, bool IsDisabled, bool IsLockedOut, DateTime CreatedAt,
    bool HasAuthenticator, int RecoveryCodesLeft, IReadOnlyList<StaffPasskey> Passkeys);

/// <summary>A passkey as the users page lists it: the name its member gave it and when it was added.</summary>
public sealed record StaffPasskey(string Name, DateTime AddedAt)
{
    public static StaffPasskey From(UserPasskeyInfo passkey)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        return new(passkey.Name ?? "Unnamed passkey", passkey.CreatedAt.UtcDateTime);
    }
}

/// <summary>Creates, lists, disables and resets staff accounts; shared by the command line and the Users screen.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, ClinicDbContext db, AuditTrail audit, TimeProvider time)
{
    public async Task<AccountResult> CreateAsync(string? email, string? role, string? password, string? displayName, AuditActor actor, CancellationToken cancellationToken)
    {
        email = email?.Trim() ?? "";
        if (!EmailAddress.IsValid(email))
        {
            return AccountResult.Fail(AccountOutcome.InvalidInput, "The email address is not valid.");
        }

        var roleName = StaffRoles.All.FirstOrDefault(r => r.Equals(role?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (roleName is null)
        {
            return AccountResult.Fail(AccountOutcome.InvalidInput, $"Unknown role '{role}'; use {string.Join(" or ", StaffRoles.All)}.");
        }

        if (string.IsNullOrEmpty(password))
        {
            return AccountResult.Fail(AccountOutcome.InvalidInput, "A password is required.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return AccountResult.Fail(AccountOutcome.AlreadyExists, "An account with this email already exists.");
        }

        var passwordErrors = await ValidatePasswordAsync(password);
        if (passwordErrors.Count > 0)
        {
            return new AccountResult(AccountOutcome.InvalidInput, passwordErrors);
        }

        await EnsureRolesAsync(cancellationToken);
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            var duplicate = created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName");
            return new AccountResult(duplicate ? AccountOutcome.AlreadyExists : AccountOutcome.InvalidInput, [.. created.Errors.Select(e => e.Description)]);
        }

        var added = await users.AddToRoleAsync(user, roleName);
        if (!added.Succeeded)
        {
            return new AccountResult(AccountOutcome.InvalidInput, [.. added.Errors.Select(e => e.Description)]);
        }

        await audit.WriteAsync(AuditActions.AccountCreated, AuditTrail.UserSubject(user.Id), $"role {roleName}", cancellationToken, actor);
        return AccountResult.Done;
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var roles = await (from userRole in db.UserRoles
                           join r in db.Roles on userRole.RoleId equals r.Id
                           select new { userRole.UserId, r.Name }).ToListAsync(cancellationToken);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var accounts = new List<StaffAccount>(all.Count);
        foreach (var u in all)
        {
            accounts.Add(new StaffAccount(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name).Order(StringComparer.Ordinal)),
                u.IsDisabled,
                u.LockoutEnd is { } end && end > now,
                u.CreatedAt,
                u.TwoFactorEnabled,
                u.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(u) : 0,
                [.. (await users.GetPasskeysAsync(u)).OrderBy(p => p.CreatedAt).Select(StaffPasskey.From)]));
        }

        return accounts;
    }

    /// <summary>
    /// For a member who lost their phone: the authenticator key is replaced by one nobody has seen, the recovery
    /// codes are voided, the passkeys removed and every open session ends; their next sign-in sets up a new app.
    /// </summary>
    public async Task<AccountResult> ResetTwoFactorAsync(string? email, AuditActor actor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(email);
        if (user is null)
        {
            return AccountResult.Fail(AccountOutcome.NotFound, "No account has this email address.");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        foreach (var passkey in await users.GetPasskeysAsync(user))
        {
            await users.RemovePasskeyAsync(user, passkey.CredentialId);
        }

        await users.UpdateSecurityStampAsync(user);
        await DeleteSessionsAsync(user, cancellationToken);
        await audit.WriteAsync(AuditActions.TwoFactorReset, AuditTrail.UserSubject(user.Id), null, cancellationToken, actor);
        return AccountResult.Done;
    }

    /// <summary>Ends every open session of the account at once, on every instance (the rows go; the new stamp refuses the cookies too).</summary>
    public async Task<AccountResult> EndSessionsAsync(string? email, AuditActor actor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(email);
        if (user is null)
        {
            return AccountResult.Fail(AccountOutcome.NotFound, "No account has this email address.");
        }

        await users.UpdateSecurityStampAsync(user);
        await DeleteSessionsAsync(user, cancellationToken);
        await audit.WriteAsync(AuditActions.SessionsEnded, AuditTrail.UserSubject(user.Id), null, cancellationToken, actor);
        return AccountResult.Done;
    }

    public async Task<AccountResult> DisableAsync(string? email, AuditActor actor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(email);
        if (user is null)
        {
            return AccountResult.Fail(AccountOutcome.NotFound, "No account has this email address.");
        }

        user.IsDisabled = true;
        // A new stamp refuses the account's cookies; deleting its sessions ends them on every instance at once.
        await users.UpdateSecurityStampAsync(user);
        await DeleteSessionsAsync(user, cancellationToken);
        await audit.WriteAsync(AuditActions.AccountDisabled, AuditTrail.UserSubject(user.Id), null, cancellationToken, actor);
        return AccountResult.Done;
    }

    public async Task<AccountResult> ResetPasswordAsync(string? email, string? password, AuditActor actor, CancellationToken cancellationToken)
    {
        var user = await FindAsync(email);
        if (user is null)
        {
            return AccountResult.Fail(AccountOutcome.NotFound, "No account has this email address.");
        }

        if (string.IsNullOrEmpty(password))
        {
            return AccountResult.Fail(AccountOutcome.InvalidInput, "A password is required.");
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return new AccountResult(AccountOutcome.InvalidInput, [.. reset.Errors.Select(e => e.Description)]);
        }

        // A reset also lifts a lockout: that is usually why it was asked for.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await DeleteSessionsAsync(user, cancellationToken);
        await audit.WriteAsync(AuditActions.AccountPasswordReset, AuditTrail.UserSubject(user.Id), null, cancellationToken, actor);
        return AccountResult.Done;
    }

    private Task<int> DeleteSessionsAsync(StaffUser user, CancellationToken cancellationToken) =>
        db.StaffSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);

    private async Task<StaffUser?> FindAsync(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());

    private async Task<List<string>> ValidatePasswordAsync(string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new StaffUser(), password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors;
    }

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        foreach (var role in StaffRoles.All)
        {
            var normalized = role.ToUpperInvariant();
            if (!await db.Roles.AnyAsync(r => r.NormalizedName == normalized, cancellationToken))
            {
                db.Roles.Add(new IdentityRole(role) { NormalizedName = normalized });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
