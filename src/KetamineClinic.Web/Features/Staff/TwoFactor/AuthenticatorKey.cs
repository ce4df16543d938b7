using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QRCoder;

namespace KetamineClinic.Web.Features.Staff.TwoFactor;

/// <summary>A member's authenticator key, and the otpauth: QR code that carries it to their app.</summary>
public sealed class AuthenticatorKey(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IOptions<ClinicOptions> clinic)
{
    /// <summary>The signed-in member's key, made now if they have none.</summary>
    public async Task<string> GetOrCreateAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // The reset renews the security stamp, which would end this very session.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return key!;
    }

    public AuthenticatorSetupPage Page(StaffUser user, string key, AuthenticatorSetupForm form)
    {
        var issuer = Uri.EscapeDataString(clinic.Value.Name);
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? "");
        var uri = $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new AuthenticatorSetupPage(key, "data:image/png;base64," + Convert.ToBase64String(png), form);
    }
}
