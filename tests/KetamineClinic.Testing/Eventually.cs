namespace KetamineClinic.Testing;

/// <summary>Polls until a condition holds, or fails the test after a bounded wait.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{because ?? "The condition was not met"} (not within {limit.TotalSeconds} s; last value: {value})");
            }

            await Task.Delay(100);
        }
    }
}
