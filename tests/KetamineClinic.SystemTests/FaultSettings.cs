namespace KetamineClinic.SystemTests;

/// <summary>App settings for fault tests: mail over SMTP to a test server, short retry and claim times, no bot delay, no practical rate limit.</summary>
public static class FaultSettings
{
    public static Dictionary<string, string> Smtp(int port) => new()
    {
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email__Smtp__Security"] = "None",
        ["Email__Smtp__TimeoutSeconds"] = "5",
        ["Email__Outbox__BaseDelaySeconds"] = "0.5",
        ["Email__Outbox__MaxDelaySeconds"] = "1",
        ["Email__Outbox__PollIntervalSeconds"] = "1",
        // A message claimed by a process that died is taken over after this long (the minimum the app accepts: twice the SMTP timeout).
        ["Email__Outbox__ClaimSeconds"] = "10",
        ["Email__Outbox__MaxAttempts"] = "100",
        ["Consultation__MinimumFillSeconds"] = "0",
        ["Consultation__RateLimit__PermitLimit"] = "100000",
    };
}
