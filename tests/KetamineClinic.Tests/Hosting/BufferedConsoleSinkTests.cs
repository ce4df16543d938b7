using System.Text;
using KetamineClinic.Web.Hosting;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace KetamineClinic.Tests.Hosting;

public sealed class BufferedConsoleSinkTests
{
    private static LogEvent Line(string text) =>
        new(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse(text), []);

    [Fact]
    public void Lines_wait_in_the_buffer_and_are_all_written_when_the_sink_is_disposed()
    {
        using var output = new MemoryStream();
        var sink = new BufferedConsoleSink(new CompactJsonFormatter(), output, TimeSpan.FromHours(1));

        sink.Emit(Line("first line"));
        sink.Emit(Line("last line before the host stops"));
        var beforeStop = output.Length;
        sink.Dispose();

        Assert.Equal(0, beforeStop);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("last line before the host stops", lines[1], StringComparison.Ordinal);
        Assert.True(output.CanWrite, "standard output must stay open for whatever writes after the logger");
    }

    [Fact]
    public async Task Buffered_lines_are_written_within_the_flush_interval()
    {
        using var output = new MemoryStream();
        using var sink = new BufferedConsoleSink(new CompactJsonFormatter(), output, TimeSpan.FromMilliseconds(50));

        sink.Emit(Line("a quiet site's only line"));
        for (var attempt = 0; attempt < 100 && output.Length == 0; attempt++)
        {
            await Task.Delay(20);
        }

        Assert.Contains("a quiet site's only line", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }
}
