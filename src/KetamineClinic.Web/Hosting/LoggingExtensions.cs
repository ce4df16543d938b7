using KetamineClinic.Data;
using Serilog;
using Serilog.Events;

namespace KetamineClinic.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the <c>Serilog</c> configuration section. Registered through DI, and the static
    /// <c>Log.Logger</c> is left alone, so several hosts in one process (tests) each write to their own
    /// sinks instead of to whichever host started last.
    /// </summary>
    /// <remarks>
    /// The sinks under <c>Serilog:WriteTo</c> are written by one background thread (Serilog.Sinks.Async), so a
    /// request only queues its line and never waits for formatting, the console or the disk. A full queue makes
    /// the writer wait rather than drop lines; the queue is emptied into the sinks when the host stops.
    /// </remarks>
    public static WebApplicationBuilder AddClinicLogging(this WebApplicationBuilder builder)
    {
        CheckLevels(builder.Configuration.GetSection("Serilog:MinimumLevel"));
        builder.Services.AddSerilog((services, logger) =>
        {
            // Read when the logger is built, so settings added after this call (hosting, tests) count.
            var serilog = builder.Configuration.GetSection("Serilog");
            var levelsAndEnrichers = Keys(serilog, key => !IsSinkKey(key));
            var sinks = Keys(serilog, key => IsSinkKey(key) || key.StartsWith("Serilog:Using", StringComparison.OrdinalIgnoreCase));
            try
            {
                logger.ReadFrom.Configuration(levelsAndEnrichers)
                    .WriteTo.Async(
                        queue => queue.Logger(writer => writer.MinimumLevel.Verbose().ReadFrom.Configuration(sinks)),
                        blockWhenFull: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
            {
                throw new ClinicConfigurationException($"Serilog: {ex.Message}");
            }

            logger.ReadFrom.Services(services).Enrich.FromLogContext();
        }, preserveStaticLogger: true);
        return builder;
    }

    private static bool IsSinkKey(string key) => key.StartsWith("Serilog:WriteTo", StringComparison.OrdinalIgnoreCase);

    private static IConfiguration Keys(IConfigurationSection section, Func<string, bool> keep) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(section.AsEnumerable().Where(entry => keep(entry.Key)))
            .Build();

    /// <summary>The levels people most often edit, checked by name so a typo names its key.</summary>
    private static void CheckLevels(IConfigurationSection minimumLevel)
    {
        var levels = new[] { minimumLevel, minimumLevel.GetSection("Default") }
            .Concat(minimumLevel.GetSection("Override").GetChildren());
        foreach (var setting in levels)
        {
            if (!string.IsNullOrWhiteSpace(setting.Value) && !Enum.TryParse<LogEventLevel>(setting.Value, ignoreCase: true, out _))
            {
                throw new ClinicConfigurationException(
                    $"{setting.Path} '{setting.Value}' is not a Serilog level ({string.Join(", ", Enum.GetNames<LogEventLevel>())}).");
            }
        }
    }

    /// <summary>
    /// One line per request: method, path (never the query string), status and time. Bodies and
    /// form values are never logged.
    /// </summary>
    public static IApplicationBuilder UseClinicRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") ? Serilog.Events.LogEventLevel.Verbose
                : Serilog.Events.LogEventLevel.Information;
        });
}
