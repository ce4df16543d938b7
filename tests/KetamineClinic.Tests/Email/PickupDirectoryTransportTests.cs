using KetamineClinic.Web.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KetamineClinic.Tests.Email;

public sealed class PickupDirectoryTransportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pickup-tests-").FullName;
    private readonly PickupDirectoryTransport _transport;

    public PickupDirectoryTransportTests()
    {
        _transport = new PickupDirectoryTransport(
            Options.Create(new EmailOptions { PickupDirectory = "mail" }),
            new ContentRoot(_root));
    }

    [Fact]
    public async Task A_message_is_written_whole_under_its_message_id_and_no_temporary_file_is_left()
    {
        await SendAsync(Message("first@pickup.test", "The body."));

        var file = Path.Combine(_transport.Directory, PickupDirectoryTransport.FileName("first@pickup.test"));
        Assert.Equal("The body.", (await MimeMessage.LoadAsync(file)).TextBody?.Trim());
        Assert.Equal([file], Directory.GetFiles(_transport.Directory));
    }

    [Fact]
    public async Task A_temporary_file_left_by_an_interrupted_send_is_replaced_by_the_whole_message()
    {
        var file = Path.Combine(_transport.Directory, PickupDirectoryTransport.FileName("retried@pickup.test"));
        Directory.CreateDirectory(_transport.Directory);
        await File.WriteAllTextAsync(file + ".tmp", new string('x', 100_000));

        await SendAsync(Message("retried@pickup.test", "Sent again after a crash."));

        Assert.Equal("Sent again after a crash.", (await MimeMessage.LoadAsync(file)).TextBody?.Trim());
        Assert.Equal([file], Directory.GetFiles(_transport.Directory));
    }

    [Fact]
    public async Task Sending_the_same_message_again_leaves_one_file_with_the_latest_copy()
    {
        await SendAsync(Message("twice@pickup.test", "First copy, a little longer than the second."));
        await SendAsync(Message("twice@pickup.test", "Second copy."));

        var file = Assert.Single(Directory.GetFiles(_transport.Directory));
        Assert.Equal("Second copy.", (await MimeMessage.LoadAsync(file)).TextBody?.Trim());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task SendAsync(MimeMessage message)
    {
        await using var session = _transport.OpenSession();
        await session.SendAsync(message, CancellationToken.None);
    }

    private static MimeMessage Message(string messageId, string body)
    {
        var message = new MimeMessage { MessageId = messageId, Subject = "Pickup test" };
        message.From.Add(new MailboxAddress("Clinic", "clinic@pickup.test"));
        message.To.Add(new MailboxAddress("Staff", "staff@pickup.test"));
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    private sealed class ContentRoot(string path) : IWebHostEnvironment
    {
        public string ContentRootPath { get; set; } = path;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string WebRootPath { get; set; } = path;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "KetamineClinic.Tests";
        public string EnvironmentName { get; set; } = "Testing";
    }
}
