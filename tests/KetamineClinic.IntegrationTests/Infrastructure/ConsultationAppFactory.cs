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
}
