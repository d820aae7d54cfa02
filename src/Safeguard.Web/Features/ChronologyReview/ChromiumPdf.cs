using System.Diagnostics;

namespace Safeguard.Web.Features.ChronologyReview;

/// <summary>
/// Prints a self-contained HTML document to PDF with the system's headless Chromium (Pdf:ChromiumPath, default
/// /usr/bin/chromium), for the reasons in docs/casework.md (and its ADR). The document is written to a private temporary directory with a
/// throwaway browser profile, both deleted afterwards; the page needs no network and no cookies. At most two
/// prints run at once, and one that takes longer than Pdf:Timeout (default 60 seconds) is killed.
/// </summary>
public sealed class ChromiumPdf(IConfiguration configuration) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(2);

    public void Dispose() => _gate.Dispose();

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        var chromium = configuration["Pdf:ChromiumPath"] ?? "/usr/bin/chromium";
        var timeout = configuration.GetValue("Pdf:Timeout", TimeSpan.FromSeconds(60));
        await _gate.WaitAsync(cancellationToken);
        var directory = Directory.CreateTempSubdirectory("safeguard-pdf-");
        try
        {
            var document = Path.Combine(directory.FullName, "document.html");
            var pdf = Path.Combine(directory.FullName, "document.pdf");
            await File.WriteAllTextAsync(document, html, cancellationToken);
            var start = new ProcessStartInfo(chromium)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--print-to-pdf={pdf}",
                $"--user-data-dir={Path.Combine(directory.FullName, "profile")}", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--disable-dev-shm-usage", "--mute-audio", new Uri(document).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start Chromium at {chromium}.");
            // Drain both streams so a chatty browser cannot block on a full pipe.
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not print the PDF within {timeout.TotalSeconds:0} seconds.");
            }
            await Task.WhenAll(output, errors);
            if (!File.Exists(pdf))
            {
                throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} and wrote no PDF.");
            }
            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            _gate.Release();
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers may still hold a file for a moment; the OS cleans temporary directories.
            }
        }
    }
}
