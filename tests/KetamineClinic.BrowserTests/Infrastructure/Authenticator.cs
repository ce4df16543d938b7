using OtpNet;

namespace KetamineClinic.BrowserTests.Infrastructure;

/// <summary>
/// An authenticator app for the tests: codes computed from the key the set-up page showed. The app accepts each
/// 30-second code once and the next one early, so a code is never handed out twice; when both are used, this waits
/// for the next, as a person would.
/// </summary>
public sealed class Authenticator(string key)
{
    private const int StepSeconds = 30;
    private readonly byte[] _key = Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal));
    private long _lastStep;

    public string Key { get; } = key;

    public async Task<string> NextCodeAsync()
    {
        var step = Math.Max(CurrentStep(), _lastStep + 1);
        while (step > CurrentStep() + 1)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        _lastStep = step;
        return new Totp(_key).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * StepSeconds));
    }

    private static long CurrentStep() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;
}
