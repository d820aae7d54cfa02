using System.Security.Cryptography;

namespace Safeguard.Web.Ledger;

/// <summary>
/// The witness's signing key: an ECDSA P-256 private key in a PEM file kept outside the database
/// (Ledger:WitnessKeyPath, by default data/witness-key.pem), created on first use readable by its owner only, with
/// its public half beside it (witness-key.pub.pem). A verifier needs only the public key (Ledger:WitnessPublicKeyPath
/// on a host that should not hold the private key).
/// </summary>
public static class WitnessKey
{
    public static string PrivatePath(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Ledger:WitnessKeyPath"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(SafeguardApp.DataDirectory(configuration), "witness-key.pem"));

    public static string PublicPathBeside(string privatePath) =>
        privatePath.EndsWith(".pem", StringComparison.Ordinal) ? privatePath[..^4] + ".pub.pem" : privatePath + ".pub.pem";

    /// <summary>The private key, created if there is none yet. <paramref name="created"/> says this call made it.</summary>
    public static ECDsa LoadOrCreate(string privatePath, out bool created)
    {
        created = false;
        if (!File.Exists(privatePath))
        {
            created = TryCreate(privatePath);
        }
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(privatePath));
        return key;
    }

    /// <summary>
    /// The public key to verify with: Ledger:WitnessPublicKeyPath if set, else the private key's public half, else the
    /// public key file beside where the private key would be. Never created here: verifying must not invent a key.
    /// </summary>
    public static ECDsa? LoadPublic(IConfiguration configuration)
    {
        var privatePath = PrivatePath(configuration);
        var path = configuration["Ledger:WitnessPublicKeyPath"] is { Length: > 0 } configured ? Path.GetFullPath(configured)
            : File.Exists(privatePath) ? privatePath
            : PublicPathBeside(privatePath);
        if (!File.Exists(path))
        {
            return null;
        }
        using var loaded = ECDsa.Create();
        loaded.ImportFromPem(File.ReadAllText(path));
        // Only the public half, whichever file it came from.
        var publicKey = ECDsa.Create();
        publicKey.ImportSubjectPublicKeyInfo(loaded.ExportSubjectPublicKeyInfo(), out _);
        return publicKey;
    }

    // Written to a temporary file and moved into place, so a second instance starting at the same moment either
    // wins the move or reads the complete key of the one that did: never half a key.
    private static bool TryCreate(string privatePath)
    {
        var directory = Path.GetDirectoryName(privatePath)!;
        Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = Path.Combine(directory, $".witness-key-{Guid.NewGuid():N}.tmp");
        WriteOwnerOnly(temporary, key.ExportPkcs8PrivateKeyPem());
        try
        {
            File.Move(temporary, privatePath, overwrite: false);
        }
        catch (IOException) when (File.Exists(privatePath))
        {
            File.Delete(temporary);
            return false;
        }
        var publicPath = PublicPathBeside(privatePath);
        if (!File.Exists(publicPath))
        {
            File.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem() + "\n");
        }
        return true;
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
        writer.WriteLine();
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}
