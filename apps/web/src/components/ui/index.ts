export { Alert } from "./alert";
export { Badge } from "./badge";
export { Button, buttonClasses, type ButtonProps } from "./button";
export { Card, CardContent, CardHeader, CardTitle } from "./card";
export { ConfirmDialog, Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "./dialog";
export {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./dropdown-menu";
export { Field, FieldGroup, type ControlProps } from "./field";
export { Input, Select, Textarea, controlClasses } from "./input";
export { Label } from "./label";
export { PageSpinner, Skeleton, Spinner } from "./spinner";
export { EmptyState, ErrorState } from "./states";
export { ToastProvider, useToast } from "./toast";
