package io.dltrigger.training.cli;
public class TrainingCli { public static void main(String[] a){} }
