using Dialtone.Cli;

return App.Run(args);
