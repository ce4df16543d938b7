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
    public const string Requests = "/staff/requests";
    public const string RequestsExport = Requests + "/export";
    public const string RequestsBulk = Requests + "/bulk";
    public const string Audit = "/staff/audit";
    public const string Users = "/staff/users";

    /// <summary>Where the requests were before the vocabulary was settled (docs/decisions/0004-vocabulary.md); still answered with a redirect, since staff emails and bookmarks carry it.</summary>
    public const string EarlierRequests = "/staff/leads";

    public static string Request(int id) => $"{Requests}/{id}";
}
