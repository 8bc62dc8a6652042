namespace Pmqa.Web.Infrastructure.Storage;

public static class StorageSetup
{
    public const string DefaultPath = "data/blobs";

    /// <summary>The blob store for uploaded files: the file system under <c>Storage:Path</c> (relative to the
    /// working directory, like the SQLite default). Another store (e.g. S3) would be chosen here by a
    /// <c>Storage:Provider</c> key.</summary>
    public static WebApplicationBuilder AddPmqaStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IBlobStore>(services =>
        {
            var path = services.GetRequiredService<IConfiguration>()["Storage:Path"];
            return new FileSystemBlobStore(string.IsNullOrWhiteSpace(path) ? DefaultPath : path, services.GetService<TimeProvider>());
        });
        builder.Services.AddScoped<BlobSweep>().AddHostedService<BlobSweepService>();
        return builder;
    }
}
