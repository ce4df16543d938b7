using System.Text;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace KetamineClinic.Web.Hosting;

/// <summary>
/// Log lines to standard output, gathered in a buffer and written when it fills, every
/// <c>flushMilliseconds</c> and when the host stops, instead of one write per line as Serilog's console sink
/// does: at thousands of requests a second those writes were most of the request log's cost.
/// </summary>
public sealed class BufferedConsoleSink : ILogEventSink, IDisposable
{
    private readonly ITextFormatter _formatter;
    private readonly StreamWriter _output;
    private readonly Timer _flushTimer;
    private readonly Lock _lock = new();
    private bool _disposed;

    public BufferedConsoleSink(ITextFormatter formatter, Stream output, TimeSpan flushInterval)
    {
        _formatter = formatter;
        _output = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 32 * 1024, leaveOpen: true);
        _flushTimer = new Timer(_ => Flush(), null, flushInterval, flushInterval);
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _formatter.Format(logEvent, _output);
            }
        }
    }

    public void Flush()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _output.Flush();
            }
        }
    }

    public void Dispose()
    {
        _flushTimer.Dispose();
        lock (_lock)
        {
            if (!_disposed)
            {
                _disposed = true;
                _output.Dispose();
            }
        }
    }
}

public static class BufferedConsoleSinkExtensions
{
    /// <summary>The sink's name in <c>Serilog:WriteTo</c> (with <c>"Using": ["KetamineClinic.Web"]</c>): <c>BufferedConsole</c>.</summary>
    public static LoggerConfiguration BufferedConsole(
        this LoggerSinkConfiguration sinks, ITextFormatter formatter, int flushMilliseconds = 200) =>
        sinks.Sink(new BufferedConsoleSink(formatter, Console.OpenStandardOutput(), TimeSpan.FromMilliseconds(flushMilliseconds)));
}
