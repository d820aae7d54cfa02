using Safeguard.Web.Cli;

// One executable for the web application and every command-line verb (`./safeguard VERB ...`).
return await CommandLine.RunAsync(args);
