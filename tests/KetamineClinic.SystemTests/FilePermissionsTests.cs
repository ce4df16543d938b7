using System.Runtime.Versioning;
using KetamineClinic.Testing;

namespace KetamineClinic.SystemTests;

public sealed class FilePermissionsTests
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Every_file_and_folder_the_app_writes_is_for_its_own_user_only_even_started_with_umask_000()
    {
        // The app process deletes its folder when it is disposed.
        var directory = Directory.CreateTempSubdirectory("clinic-umask-").FullName;
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["Consultation__MinimumFillSeconds"] = "0" }, directory, umask: "000");
        using (var visitor = new ConsultationVisitor(app.BaseAddress))
        {
            Assert.NotNull(await visitor.SubmitAsync());
        }

        await Eventually.GetAsync(() => Task.FromResult(Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "*.eml").Length : 0),
            n => n == 2, TimeSpan.FromSeconds(20), "Both emails should be written to the pickup folder");

        var logs = Path.Combine(directory, "logs");
        var keys = Path.Combine(RepositoryPaths.WebProject, "App_Data", "keys");
        var written = new[] { app.DatabasePath, app.DatabasePath + "-wal", app.DatabasePath + "-shm", Path.Combine(keys, "key-encryption.pfx") }
            .Concat(Directory.GetFiles(app.MailDirectory))
            .Concat(Directory.GetFiles(logs))
            .ToList();

        Assert.NotEmpty(Directory.GetFiles(logs));
        Assert.All(written, file =>
        {
            Assert.True(File.Exists(file), $"{file} should exist");
            Assert.Equal((file, UnixFileMode.UserRead | UnixFileMode.UserWrite), (file, File.GetUnixFileMode(file)));
        });
        Assert.All(new[] { app.MailDirectory, logs, keys }, folder =>
            Assert.Equal((folder, (UnixFileMode)0), (folder, File.GetUnixFileMode(folder) & GroupOrOthers)));
    }
}
