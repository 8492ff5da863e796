LucidCommand.main(CommandLine.arguments)
