namespace KetamineClinic.IntegrationTests.Infrastructure;

/// <summary>
/// The app with the consultation form's timing check off and a generous rate limit, so tests can post
/// quickly and often; tests of those guards set their own values.
/// </summary>
public class ConsultationAppFactory : ClinicAppFactory
{
    public ConsultationAppFactory()
    {
        Settings["Consultation:MinimumFillSeconds"] = "0";
        Settings["Consultation:RateLimit:PermitLimit"] = "1000";
        Settings["Email:StaffRecipients:0"] = "intake@clinic.test";
        Settings["Email:Outbox:PollIntervalSeconds"] = "0.2";
    }

    /// <summary>Sends email by plain SMTP to 127.0.0.1:<paramref name="port"/>, with a short timeout and claim.</summary>
    public void UseSmtpServer(int port, int claimSeconds = 10)
    {
        Settings["Email:Smtp:Host"] = "127.0.0.1";
        Settings["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Email:Smtp:Security"] = "None";
        Settings["Email:Smtp:TimeoutSeconds"] = "5";
        Settings["Email:Outbox:ClaimSeconds"] = claimSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
