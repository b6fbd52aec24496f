using PartyFunctions.Cli;

return await PartyCommand.RunAsync(args, Console.Out, Console.Error);
