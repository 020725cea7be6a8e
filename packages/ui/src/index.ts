export { Button, buttonVariants, type ButtonSize, type ButtonVariant } from "./lib/button/index.ts";
export { cn } from "./lib/utils/cn.ts";
