using KetamineClinic.Data.Entities;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace KetamineClinic.Web.Features.Staff.TwoFactor;

/// <summary>
/// Identity's authenticator codes (RFC 6238, the key Identity stores), accepted at most once: the time step of
/// the last accepted code is kept on the account, and that step and every earlier one are refused afterwards,
/// so a code seen over a shoulder or in a proxy log cannot be replayed within its window.
/// </summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<StaffUser>
{
    /// <summary>One step either side of now, for a phone clock a little off.</summary>
    private static readonly VerificationWindow _window = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The code comes from the member's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = AuthenticatorCode.Normalize(token);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, _window)
            || step <= (user.LastAuthenticatorTimeStep ?? long.MinValue))
        {
            return false;
        }

        // Saved with the account's concurrency stamp: of two requests racing with one code, only one succeeds.
        user.LastAuthenticatorTimeStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}

/// <summary>What a member types as a code: spaces and dashes are theirs to add, and mean nothing.</summary>
public static class AuthenticatorCode
{
    public static string Normalize(string? typed) =>
        new([.. (typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')]);
}
