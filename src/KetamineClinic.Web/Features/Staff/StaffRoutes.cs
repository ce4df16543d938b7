namespace KetamineClinic.Web.Features.Staff;

/// <summary>The staff area's addresses, in one place: controllers, views, emails and redirects read them here.</summary>
public static class StaffRoutes
{
    public const string Home = "/staff";
    public const string Login = "/staff/login";
    public const string Logout = "/staff/logout";
    public const string LoginCode = "/staff/login/code";
    public const string Account = "/staff/account";
    public const string AuthenticatorSetup = Account + "/authenticator";
    public const string RecoveryCodes = Account + "/recovery-codes";

    // Passkeys (issue 17): the options routes answer the page's script with WebAuthn JSON; the others take its form.
    public const string PasskeySignIn = Login + "/passkey";
    public const string PasskeySignInOptions = PasskeySignIn + "/options";
    public const string Passkeys = Account + "/passkeys";
    public const string PasskeyCreationOptions = Passkeys + "/options";
    public const string PasskeyRemove = Passkeys + "/remove";

    public const string Requests = "/staff/requests";
    public const string RequestsExport = Requests + "/export";
    public const string RequestsBulk = Requests + "/bulk";
    public const string Audit = "/staff/audit";
    public const string Users = "/staff/users";
    public const string Schedule = "/staff/schedule";
    public const string Availability = "/staff/availability";

    /// <summary>Where the requests were before the vocabulary was settled (docs/decisions/0004-vocabulary.md); still answered with a redirect, since staff emails and bookmarks carry it.</summary>
    public const string EarlierRequests = "/staff/leads";

    public static string Request(int id) => $"{Requests}/{id}";

    public static string ChangeCall(int callId) => $"{Schedule}/{callId}/change";

    public static string CancelCall(int callId) => $"{Schedule}/{callId}/cancel";

    public static string CallOutcome(int callId) => $"{Schedule}/{callId}/outcome";
}
